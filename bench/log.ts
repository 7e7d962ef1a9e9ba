/** Progress goes to stderr, so stdout holds only the table and the JSON line. */
export const log = (message: string): void => {
  console.error(`[bench] ${message}`);
};
