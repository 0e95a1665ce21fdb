// The part of az (Russian morphology over OpenCorpora's dictionary) that Vigil uses; az ships no types.
declare module 'az' {
  interface AzTag {
    POS?: string;
    toString(): string;
    [grammeme: string]: unknown;
  }
  interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    /** 'Dictionary' for a word the dictionary holds; otherwise the guesser that read it. */
    parser?: string;
    normalize(): { word: string };
  }
  interface AzMorph {
    (word: string): AzParse[];
    init(path: string, callback: (err: Error | null) => void): void;
  }
  interface AzStatic {
    load(url: string, responseType: string, callback: (err: Error | null, data?: unknown) => void): void;
    Morph: AzMorph;
  }
  const Az: AzStatic;
  export default Az;
}
