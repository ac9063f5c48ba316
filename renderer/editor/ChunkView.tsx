// One chunk of the reader: a small read-only Lexical editor over about twenty paragraphs. Only the
// chunks near the viewport are mounted, and a chunk redraws only the paragraphs whose runs change.

import { memo, useEffect, useRef, useState } from 'react';
import { $getRoot, $setSelection, createEditor, type LexicalEditor } from 'lexical';
import { $createSegmentText, $createSourceParagraph, READER_NODES } from './nodes';
import type { ParagraphLayout } from './layout';

interface Props {
  text: string;
  layouts: ParagraphLayout[];
  /** Changes whenever anything drawn in this chunk changes. */
  signature: string;
}

/** What a paragraph draws: when it is unchanged, its nodes (and so its laid-out DOM) are kept. */
const drawnAs = ({ runs, stripes, page }: ParagraphLayout) => `${stripes}|${page ?? ''}|${runs.map((r) => `${r.start}:${r.segments}:${r.style}`).join(';')}`;

/**
 * Draws the chunk's paragraphs, replacing only those whose runs changed since the last fill
 * (`drawn` holds what each shows): coding a passage lays out one paragraph again, not twenty.
 */
function fill(editor: LexicalEditor, text: string, layouts: ParagraphLayout[], drawn: string[]) {
  editor.update(
    () => {
      // The page's selection is read from the DOM (selection.ts), never from the editor; the
      // editor's copy may still name a paragraph replaced here, which Lexical would refuse.
      $setSelection(null);
      const root = $getRoot();
      const children = root.getChildren();
      const fresh = children.length !== layouts.length;
      if (fresh) {
        root.clear();
        drawn.length = 0;
      }
      layouts.forEach((layout, i) => {
        const { paragraph, runs, stripes, page } = layout;
        const shows = drawnAs(layout);
        if (!fresh && drawn[i] === shows) return;
        drawn[i] = shows;
        const node = $createSourceParagraph(paragraph.index, paragraph.start, paragraph.end, stripes, page);
        node.setDirection(paragraph.dir);
        for (const run of runs) {
          const piece = $createSegmentText(text.slice(run.start, run.end), run.start, run.segments);
          if (run.style) piece.setStyle(run.style);
          node.append(piece);
        }
        if (fresh) root.append(node);
        else children[i]!.replace(node);
      });
    },
    { discrete: true },
  );
}

function ChunkViewImpl({ text, layouts, signature }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [editor] = useState(() =>
    createEditor({
      namespace: 'groundwork-reader',
      nodes: READER_NODES,
      editable: false,
      onError: (error) => console.error(error),
    }),
  );

  useEffect(() => {
    editor.setRootElement(rootRef.current);
    return () => editor.setRootElement(null);
  }, [editor]);

  const drawn = useRef<string[]>([]);

  useEffect(() => {
    fill(editor, text, layouts, drawn.current);
    // The signature stands for text and layouts: rebuilding on it alone avoids needless work.
  }, [editor, signature]);

  return <div ref={rootRef} className="gw-chunk" />;
}

export const ChunkView = memo(ChunkViewImpl, (a, b) => a.signature === b.signature);
