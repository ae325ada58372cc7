/** The reading JSON (see shared/readings/README.md). */
export type BlockType = 'heading' | 'paragraph' | 'caption' | 'quote' | 'list-item' | 'about';

export interface NoteRef {
  label: string;
  /** Character position in the block's `text` where the marker stood. */
  offset: number;
}

export interface Block {
  type: BlockType;
  text: string;
  level?: number;
  noteRefs?: NoteRef[];
}

export interface Note {
  label: string;
  text: string;
}

export interface Warning {
  code: string;
  message: string;
}

export interface ReadingDocument {
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  publishedAt: string | null;
  blocks: Block[];
  notes: Note[];
  warnings: Warning[];
}

export interface ImportInput {
  data: Uint8Array | string;
  filename?: string;
  mediaType?: string;
}

export interface ImportOptions {
  /**
   * Called as the import advances: `fraction` rises from 0 to 1 and never goes back; `stage` is
   * one of IMPORT_STAGES (src/stages.ts). A PDF reports once per page while it is read.
   */
  onProgress?: (fraction: number, stage: string) => void;
}

export type Progress = (fraction: number, stage: string) => void;

/**
 * The intermediate model every format converges on: one entry per line or paragraph the source
 * gave us, plus whatever layout hints the format could supply. Recovery passes only read this.
 */
export interface SourceBlock {
  text: string;
  /** Set when the source's markup says what the block is (HTML, Markdown, DOCX). */
  kind?: BlockType;
  level?: number;
  /** A page boundary lies between this block and the previous one. */
  pageBreakBefore?: boolean;
  /** Font size relative to the body text (1 = body size); PDF only. */
  relativeSize?: number;
}

export interface SourceMeta {
  title?: string;
  subtitle?: string;
  authors?: string[];
  publisher?: string;
  publishedAt?: string;
}

export interface SourceDoc {
  format: 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
  blocks: SourceBlock[];
  /** Notes the format delivered separately (DOCX footnotes, PDF page-foot notes). */
  notes: Note[];
  meta: SourceMeta;
  warnings: Warning[];
}
