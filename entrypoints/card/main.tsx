import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { cardSize, cardTokenOf, createCardFrameLink, type CardFrameLink } from '@/lib/ext/pages/card-controller';
import type { CardSentence } from '@/lib/ext/messaging/messages';
import { CardView } from '@/lib/ui/card/CardView';
import '@/lib/ui/card/card.css';

// Wiring: the hover card's frame. It asks the background for the sentence its content script
// opened when it loads, is sent each later one, draws it and says so with its size; Escape or
// × asks the content script to close it.
function Card({ link }: { link: CardFrameLink }) {
  const [shown, setShown] = useState<CardSentence | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const stop = link.onShow(setShown);
    void link.load().then((first) => first && setShown((now) => (now && now.seq >= first.seq ? now : first)));
    return stop;
  }, [link]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && shown) void link.tell({ kind: 'close', seq: shown.seq });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [link, shown]);
  useLayoutEffect(() => {
    const card = ref.current?.firstElementChild;
    if (shown && card instanceof HTMLElement) void link.tell({ kind: 'shown', seq: shown.seq, ...cardSize(card) });
  }, [link, shown]);
  if (!shown) return null;
  return <div ref={ref}><CardView key={shown.seq} sentence={shown.sentence} onClose={() => void link.tell({ kind: 'close', seq: shown.seq })} /></div>;
}

const token = cardTokenOf(location.hash);
const root = document.getElementById('app');
if (token && root) render(<Card link={createCardFrameLink(token)} />, root);
