// Draft.js compose box shaped like X's (served as x.com): the same test ids, Ctrl+Enter posts.
import React, { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState, getDefaultKeyBinding } from 'draft-js';
import { record } from './common.js';

function App() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const ref = useRef(state);
  ref.current = state;
  const post = () => {
    record(ref.current.getCurrentContent().getPlainText());
    setState(EditorState.createEmpty());
  };
  window.__draftText = () => ref.current.getCurrentContent().getPlainText();
  return (
    <div>
      <div data-testid="tweetTextarea_0RichTextInputContainer" style={{ border: '1px solid #999', minHeight: '6em', whiteSpace: 'pre-wrap' }}>
        <Editor
          editorState={state}
          onChange={setState}
          webDriverTestID="tweetTextarea_0"
          ariaLabel="Post text"
          keyBindingFn={(e) => (e.key === 'Enter' && (e.ctrlKey || e.metaKey) ? 'cp-post' : getDefaultKeyBinding(e))}
          handleKeyCommand={(cmd) => {
            if (cmd !== 'cp-post') return 'not-handled';
            post();
            return 'handled';
          }}
        />
      </div>
      <button type="button" role="button" data-testid="tweetButtonInline" onClick={post}>
        Post
      </button>
    </div>
  );
}
createRoot(document.getElementById('root')).render(<App />);
