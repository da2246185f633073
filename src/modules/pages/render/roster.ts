import type { PageModel, Ref } from '../types.js';
import { html, type SafeHtml } from './html.js';

/** The link to a model's page. */
export function modelHref(slug: string): string {
  return `/models/${encodeURIComponent(slug)}`;
}

/** The compared models by slug: names, links and colours (c0..c9 in request order). */
export class Roster {
  private readonly index = new Map<string, number>();

  constructor(readonly models: readonly PageModel[]) {
    models.forEach((m, i) => this.index.set(m.slug, i));
  }

  /** The model a reference names. */
  model(ref: Ref): PageModel | undefined {
    const i = this.index.get(ref.slug);
    return i === undefined ? undefined : this.models[i];
  }

  /** A model's display name (its slug if it is not among the compared ones). */
  name(ref: Ref): string {
    return this.model(ref)?.name ?? ref.slug;
  }

  /** A model's colour index. */
  colour(ref: Ref): number {
    return this.index.get(ref.slug) ?? 0;
  }

  /** The model's name linking to its page. */
  link(ref: Ref): SafeHtml {
    return html`<a href="${modelHref(ref.slug)}">${this.name(ref)}</a>`;
  }

  /** Its colour swatch and linked name. */
  labelled(ref: Ref): SafeHtml {
    return html`<span class="sw c${this.colour(ref)}"></span>${this.link(ref)}`;
  }

  /** The models' names joined with "vs". */
  title(): string {
    return this.models.map((m) => m.name).join(' vs ');
  }
}
