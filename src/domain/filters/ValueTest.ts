/** A compiled test of the value found at a filter's path (undefined when absent). */
export type ValueTest = (value: unknown) => boolean;
