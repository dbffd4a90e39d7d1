// The background stays thin: it only wires src/ modules together (DEVELOPERS.md).
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Nothing to migrate yet; the managed rule set arrives with the rule-set issue.
  });
});
