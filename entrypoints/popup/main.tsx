import { render } from 'preact';
import { Popup } from '../../src/ui/popup';
import { createPopupApi, type PopupBrowser } from '../../src/ui/popup-api';

render(<Popup api={createPopupApi(browser as unknown as PopupBrowser)} />, document.getElementById('app')!);
