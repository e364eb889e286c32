/**
 * A value that ends with its own full stop ("Иванов И.И.", "ООО «Ромашка» и др.") closes the
 * sentence it ends: the catalogue's full stop after it is dropped, so no ".." is shown.
 */
import type { PostProcessorModule, TOptions } from 'i18next';

export const noDoubleStop: PostProcessorModule = {
  type: 'postProcessor',
  name: 'noDoubleStop',
  process(value: string, _key: string | string[], options: TOptions): string {
    if (typeof value !== 'string') return value;
    let text = value;
    for (const param of Object.values(options)) {
      if (typeof param === 'string' && param.endsWith('.'))
        text = text.split(`${param}.`).join(param);
    }
    return text;
  },
};

/** The post-processors every translation goes through. */
export const I18N_POST_PROCESS = [noDoubleStop.name];
