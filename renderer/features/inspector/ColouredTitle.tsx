// The heading of a concept's or category's details: its name, after a colour well that recolours it.

import { t } from '../../i18n/t';

export function ColouredTitle({ title, color, onColor }: { title: string; color: string; onColor(color: string): void }) {
  return (
    <div className="gw-title-row">
      <input type="color" className="gw-color" value={color} aria-label={t('Colour')} onChange={(e) => onColor(e.target.value)} />
      <h2 dir="auto">{title}</h2>
    </div>
  );
}
