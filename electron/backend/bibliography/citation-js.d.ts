// citation-js ships no type declarations; these cover the part Groundwork calls.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(input: unknown, options?: { generateGraph?: boolean; target?: string }): unknown;
    };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
