import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp.tsx';
import { uiLang } from '../../i18n/messages.ts';
import { t } from '../../i18n/page-messages.ts';
import { createPopupModel } from '../../state/popup.ts';
import '../../styles/commitments.css';
import '../../styles/pages.css';

const lang = uiLang();
document.documentElement.lang = lang;
document.title = t(lang).overlayTitle;
// Opened as a page (`popup.html?tab=ID`), the popup shows that tab rather than itself.
const tab = Number(new URLSearchParams(location.search).get('tab'));
render(
  <PopupApp
    model={createPopupModel(Number.isInteger(tab) && tab > 0 ? tab : undefined)}
    lang={lang}
  />,
  document.getElementById('app')!,
);
