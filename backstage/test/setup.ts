import '@testing-library/jest-dom';

// jsdom's CSS parser does not know the cascade layers of Backstage UI's stylesheets, which
// load with the test utilities: that noise hides what matters, and nothing here reads them.
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const first = args[0] as { message?: string; type?: string } | string;
  if (typeof first === 'object' && first?.type === 'css parsing') return;
  if (String((first as { message?: string })?.message ?? first).startsWith('Could not parse CSS stylesheet')) return;
  error(...args);
};

// What a browser has and jsdom lacks, which the TechDocs reader calls (it scrolls to the top
// or to an anchor after drawing a page).
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
window.scroll = () => {};
window.scrollTo = () => {};
// jsdom 20's Blob has no text(); the dashboard reads an imported file with it, as browsers do.
if (!Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}
