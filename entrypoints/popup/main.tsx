import { render } from 'preact';
import { Popup } from '../../src/ui/popup';

render(<Popup />, document.getElementById('app')!);
