import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp.tsx';
import { uiLang } from '../../i18n/messages.ts';
import { t } from '../../i18n/page-messages.ts';
import { createOptionsModel } from '../../state/options.ts';
import '../../styles/commitments.css';
import '../../styles/pages.css';

const lang = uiLang();
document.documentElement.lang = lang;
document.title = t(lang).optionsTitle;
render(<OptionsApp model={createOptionsModel()} lang={lang} />, document.getElementById('app')!);
