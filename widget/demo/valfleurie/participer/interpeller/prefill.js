/* global document, location, URLSearchParams */
// Shows which commitment the visitor came to question: the widget's "interpellate" link carries it
// in the query (engagement, titre). Values are set as text, never as markup.
const params = new URLSearchParams(location.search);
const id = params.get('engagement');
const title = params.get('titre');
if (id) document.getElementById('engagement').value = id;
if (title) document.getElementById('titre').textContent = title;
