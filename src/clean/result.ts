export type PartialDate = string;

/** What the clean stage gives the rest of Vigil: the article body and what is known about it. */
export interface CleanResult {
  /** The article body; paragraphs separated by a blank line, so sentence offsets stay meaningful. */
  mainText: string;
  title: string | null;
  published: PartialDate | null;
  language: string | null;
  author: string | null;
  outlet: string | null;
  /** Picture captions and pull quotes, told apart from the body where the page shows them. */
  captions: string[];
}
