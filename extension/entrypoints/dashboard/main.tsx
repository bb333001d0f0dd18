import { render } from 'preact';
import { DashboardApp } from '../../components/DashboardApp.tsx';
import { uiLang } from '../../i18n/messages.ts';
import { t } from '../../i18n/page-messages.ts';
import { createDashboardModel } from '../../state/dashboard.ts';
import '../../styles/commitments.css';
import '../../styles/pages.css';

const lang = uiLang();
document.documentElement.lang = lang;
document.title = t(lang).dashboardTitle;
render(
  <DashboardApp model={createDashboardModel()} lang={lang} />,
  document.getElementById('app')!,
);
