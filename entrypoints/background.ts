export default defineBackground(() => {
  // Wired up in lib/ext; see the foundation issue.
});
