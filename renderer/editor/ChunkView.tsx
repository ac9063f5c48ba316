// One chunk of the reader: a small read-only Lexical editor over about twenty paragraphs. Only the
// chunks near the viewport are mounted, and a chunk rebuilds only when its own runs change.

import { memo, useEffect, useRef, useState } from 'react';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { $createSegmentText, $createSourceParagraph, READER_NODES } from './nodes';
import type { ParagraphLayout } from './layout';

interface Props {
  text: string;
  layouts: ParagraphLayout[];
  /** Changes whenever anything drawn in this chunk changes. */
  signature: string;
}

function fill(editor: LexicalEditor, text: string, layouts: ParagraphLayout[]) {
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const { paragraph, runs, stripes, page } of layouts) {
        const node = $createSourceParagraph(paragraph.index, paragraph.start, paragraph.end, stripes, page);
        node.setDirection(paragraph.dir);
        for (const run of runs) {
          const piece = $createSegmentText(text.slice(run.start, run.end), run.start, run.segments);
          if (run.style) piece.setStyle(run.style);
          node.append(piece);
        }
        root.append(node);
      }
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

  useEffect(() => {
    fill(editor, text, layouts);
    // The signature stands for text and layouts: rebuilding on it alone avoids needless work.
  }, [editor, signature]);

  return <div ref={rootRef} className="gw-chunk" />;
}

export const ChunkView = memo(ChunkViewImpl, (a, b) => a.signature === b.signature);
