import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SHOW_CHANGES_MESSAGE } from '../../messaging/protocol.ts';
import { DashboardApp } from '../../components/DashboardApp.tsx';
import { uiLang } from '../../i18n/messages.ts';
import { t } from '../../i18n/page-messages.ts';
import { createDashboardModel } from '../../state/dashboard.ts';
import '../../styles/commitments.css';
import '../../styles/pages.css';

const lang = uiLang();
document.documentElement.lang = lang;
document.title = t(lang).dashboardTitle;
// The background's word that a change notification brought this page forward, passed on to the
// page as an event of the same name.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (message === SHOW_CHANGES_MESSAGE) dispatchEvent(new Event(SHOW_CHANGES_MESSAGE));
});
render(
  <DashboardApp model={createDashboardModel()} lang={lang} />,
  document.getElementById('app')!,
);
