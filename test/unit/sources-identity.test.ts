import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  closestModel,
  matchModel,
  normalizeModelName,
  type KnownModel,
} from '../../src/modules/ingestion/sources/identity.js';
import type { SourceModel } from '../../src/modules/ingestion/sources/types.js';

const ours: KnownModel[] = JSON.parse(readFileSync(new URL('../../data/models.json', import.meta.url), 'utf8'));
const model = (fields: Partial<SourceModel> & { name: string }): SourceModel => ({
  externalId: fields.name,
  scores: [],
  ...fields,
});
const match = (fields: Partial<SourceModel> & { name: string }) => matchModel(model(fields), { models: ours });

describe('normalizeModelName', () => {
  it.each([
    ['OpenAI: GPT-4.1', { key: 'gpt-4-1' }],
    ['openai/gpt-4.1', { key: 'gpt-4-1' }],
    ['gpt-4.1-2025-04-14', { key: 'gpt-4-1', date: '2025-04-14' }],
    ['claude-sonnet-4-20250514', { key: 'claude-sonnet-4', date: '2025-05-14' }],
    ['GPT-4o (2024-05-13)', { key: 'gpt-4o', date: '2024-05-13' }],
    ['gpt-4-0613', { key: 'gpt-4', date: '--06-13' }],
    ["GPT-4o (Nov '24)", { key: 'gpt-4o', date: '2024-11' }],
    ['Mistral Large 2 (2407)', { key: 'mistral-large-2', date: '2024-07' }],
    ["DeepSeek R1 0528 (May '25)", { key: 'deepseek-r1', date: '2025-05-28' }],
  ])('strips the date of %s', (name, expected) => {
    expect(normalizeModelName(name)).toEqual(expected);
  });

  it.each([
    ['GPT-5 (high)', 'gpt-5', 'high'],
    ['o3-mini-high', 'o3-mini', 'high'],
    ['Claude 3.7 Sonnet (Reasoning)', 'claude-3-7-sonnet', 'reasoning'],
    ['claude-3-7-sonnet-thinking', 'claude-3-7-sonnet', 'reasoning'],
    ['Claude 4.5 Sonnet (Non-reasoning)', 'claude-4-5-sonnet', 'non-reasoning'],
    ['Qwen3-235B-A22B-no-thinking', 'qwen3-235b-a22b', 'non-reasoning'],
    ['Claude Opus 4.6 (Adaptive Reasoning, Max Effort)', 'claude-opus-4-6', 'adaptive-reasoning-max'],
    ['Claude Opus 4 (thinking-16k)', 'claude-opus-4', 'reasoning-16k'],
    ['claude-sonnet-4-5-20250929_32K', 'claude-sonnet-4-5', '32k'],
    ['google/gemma-4-31b-it:free', 'gemma-4-31b', 'free'],
  ])('splits off the variant of %s', (name, key, variant) => {
    expect(normalizeModelName(name)).toMatchObject({ key, variant });
  });

  it('keeps what names a model of its own: preview, exp, latest, max, a version in YYMM', () => {
    expect(normalizeModelName('GPT-4.5 (preview)').key).toBe('gpt-4-5-preview');
    expect(normalizeModelName('gemini-2.0-flash-exp').key).toBe('gemini-2-0-flash-exp');
    expect(normalizeModelName('chatgpt-4o-latest').key).toBe('chatgpt-4o-latest');
    expect(normalizeModelName('Qwen3 Max')).toEqual({ key: 'qwen3-max' });
    expect(normalizeModelName('gpt-3.5-turbo-instruct').key).toBe('gpt-3-5-turbo-instruct');
  });

  it('reads "+" as "plus" and drops what only serves the model (instruct on a sized model, precision, v1)', () => {
    expect(normalizeModelName('Command R+ (04-2024)')).toEqual({ key: 'command-r-plus', date: '2024-04' });
    expect(normalizeModelName('Llama-3.1-405B-Instruct-FP8').key).toBe('llama-3-1-405b');
    expect(normalizeModelName('Gemma 3 27B IT').key).toBe('gemma-3-27b');
    expect(normalizeModelName('amazon.nova-pro-v1:0').key).toBe('nova-pro');
  });
});

describe('matchModel', () => {
  it('prefers an explicit alias of the same source, keeping the variant', () => {
    const aliases = [{ source: 'lmarena' as const, externalId: 'Mistral-Small-2506', model: 'mistral-small-3-2' }];
    const m = model({ name: 'Mistral-Small-2506' });
    expect(matchModel(m, { models: ours, aliases, source: 'lmarena' })).toEqual({
      model: 'mistral-small-3-2',
      via: 'alias',
    });
    expect(matchModel(m, { models: ours, aliases, source: 'epoch' })).toMatchObject({ unknown: true });
  });

  it('matches the vendor id first, then the source id, then the name', () => {
    expect(match({ name: 'x', vendorApiId: 'gpt-4.1-2025-04-14' })).toEqual({ model: 'gpt-4-1', via: 'vendor-id' });
    expect(match({ name: 'x', externalId: 'anthropic/claude-sonnet-4.5' })).toEqual({
      model: 'claude-sonnet-4-5',
      via: 'source-id',
    });
    expect(match({ name: 'Claude 4.5 Sonnet', externalId: '3f2a9c' })).toEqual({
      model: 'claude-sonnet-4-5',
      via: 'name',
    });
  });

  it('uses a date to tell dated models apart, and refuses a date that fits none', () => {
    expect(match({ name: "GPT-4o (May '24)" })).toMatchObject({ model: 'gpt-4o-2024-05-13' });
    expect(match({ name: 'gpt-4o-2024-08-06' })).toMatchObject({ model: 'gpt-4o' });
    expect(match({ name: 'gpt-4o' })).toMatchObject({ model: 'gpt-4o' });
    // Our gpt-4o is the August 2024 release; November's is another checkpoint we do not list.
    expect(match({ name: 'gpt-4o-2024-11-20' })).toEqual({ unknown: true, closest: 'gpt-4o' });
    expect(match({ name: 'claude-3-5-sonnet-20241022' })).toMatchObject({ model: 'claude-3-5-sonnet-20241022' });
    // Undated, "Claude 3.5 Sonnet" could be either of our two: it is left to an alias.
    expect(match({ name: 'Claude 3.5 Sonnet' })).toMatchObject({ unknown: true });
  });

  it('maps a reasoning-effort variant to its model and returns the variant', () => {
    expect(match({ name: 'GPT-5 (high)' })).toEqual({ model: 'gpt-5', via: 'source-id', variant: 'high' });
    expect(match({ name: 'Grok 3 mini Reasoning (high)', slug: 'grok-3-mini-reasoning' })).toEqual({
      model: 'grok-3-mini',
      via: 'source-id',
      variant: 'reasoning-high',
    });
  });

  it('prefers a model we list as the variant itself ("Thinking" models)', () => {
    expect(match({ name: 'Qwen3 Next 80B A3B (Reasoning)' })).toEqual({
      model: 'qwen3-next-80b-a3b-thinking',
      via: 'source-id',
    });
    expect(
      match({ name: 'Qwen3 235B A22B 2507 (Reasoning)', slug: 'qwen3-235b-a22b-instruct-2507-reasoning' }),
    ).toEqual({
      model: 'qwen3-235b-a22b-thinking-2507',
      via: 'source-id',
    });
    expect(match({ name: 'Qwen3 235B A22B (Reasoning)' })).toMatchObject({ model: 'qwen3-235b-a22b' });
  });
});

describe('matchModel, in cases that look alike', () => {
  it('keeps a preview apart from its release, even when the id drops the word', () => {
    expect(match({ name: "Gemini 2.5 Pro Preview (May' 25)", slug: 'gemini-2-5-pro-05-06' })).toMatchObject({
      unknown: true,
    });
    expect(match({ name: 'GPT-4.5 (Preview)', slug: 'gpt-4-5' })).toMatchObject({ model: 'gpt-4-5' });
  });

  it('does not let a coarse name claim a more specific id', () => {
    const id = (vendorApiId: string) => ({ vendorApiId, externalId: vendorApiId });
    expect(match({ name: 'GPT-3.5 Turbo', ...id('gpt-3.5-turbo-instruct') })).toMatchObject({ unknown: true });
    expect(match({ name: 'Llama 4 Maverick', ...id('Llama-4-Maverick-17B-128E-Instruct') })).toEqual({
      model: 'llama-4-maverick',
      via: 'name',
    });
  });

  it('tells "gpt-5.4" from "gpt-4.5" although their words and numbers are the same', () => {
    expect(match({ name: 'OpenAI: GPT-5.4', externalId: 'openai/gpt-5.4' })).toMatchObject({ unknown: true });
  });

  it('names the closest of our models for an unknown one', () => {
    expect(match({ name: 'Anthropic: Claude Opus 4.5' })).toEqual({ unknown: true, closest: 'claude-opus-4-1' });
    expect(closestModel('Totally Different Thing 9000', ours)).toBeUndefined();
  });
});
