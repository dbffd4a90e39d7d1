// Plain React textarea in a form, shaped like old Reddit's comment box (served as www.reddit.com).
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { record } from './common.js';

function App() {
  const [value, setValue] = useState('');
  return (
    <form
      className="usertext"
      onSubmit={(e) => {
        e.preventDefault();
        record(value);
        setValue('');
      }}
    >
      <textarea
        name="text"
        rows={8}
        cols={80}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form.requestSubmit();
        }}
      />
      {/* Image attachments (tests/e2e/attachments.test.ts): a plain file input, as old Reddit's. */}
      <input type="file" name="image" accept="image/*" />
      <button type="submit">Post</button>
    </form>
  );
}
createRoot(document.getElementById('root')).render(<App />);
