// jaro-winkler ships no types: its one export is the similarity of two strings, 0 to 1.
declare module 'jaro-winkler' {
  export default function jaroWinkler(a: string, b: string, options?: { caseSensitive?: boolean }): number;
}
