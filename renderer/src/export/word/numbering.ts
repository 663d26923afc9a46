import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

// Real Word lists through docx's `numbering` option. One list definition (abstract numbering) per kind of list:
// bullets, ordered, an ordered list with an explicit HTML `type`, and an ordered list with its own `start`. Every
// list node of the body is an `instance` of its definition of its own, which docx writes as a w:num restarting every
// level, so every list (top level or nested, in any chapter of a compilation) restarts where it should and Word and
// LibreOffice agree on it.

export type ListKind = 'bullet' | 'ordered';
type NumberingConfig = INumberingOptions['config'][number];
type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

const BULLETS = ['•', '–'];
const ORDERED_BY_LEVEL: Format[] = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const HTML_TYPE: Record<string, Format> = {
  '1': LevelFormat.DECIMAL,
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};

export const LIST_INDENT_TWIPS = 720;
export const LIST_HANGING_TWIPS = 360;

export interface ListRef {
  reference: string;
  instance: number;
}

export class ListNumbering {
  private readonly configs = new Map<string, NumberingConfig>();
  private instances = 0;

  /** A new list: the reference of its definition and an instance of its own. */
  newList(kind: ListKind, start = 1, htmlType?: unknown): ListRef {
    const fixed = kind === 'ordered' && typeof htmlType === 'string' ? (HTML_TYPE[htmlType] ?? null) : null;
    const first = kind === 'ordered' && Number.isInteger(start) && start >= 0 && start < 32768 ? start : 1;
    const reference = `${kind}${fixed ? `-${fixed}` : ''}${first !== 1 ? `-from-${first}` : ''}`;
    if (!this.configs.has(reference)) {
      this.configs.set(reference, {
        reference,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: kind === 'bullet' ? LevelFormat.BULLET : (fixed ?? ORDERED_BY_LEVEL[level % ORDERED_BY_LEVEL.length]),
          text: kind === 'bullet' ? BULLETS[level % BULLETS.length] : `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          start: first,
          style: { paragraph: { indent: { left: LIST_INDENT_TWIPS * (level + 1), hanging: LIST_HANGING_TWIPS } } },
        })),
      });
    }
    return { reference, instance: ++this.instances };
  }

  options(): INumberingOptions {
    return { config: [...this.configs.values()] };
  }
}
