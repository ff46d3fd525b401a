export default defineBackground(() => {
  // Wiring lands here (see lib/background).
});
