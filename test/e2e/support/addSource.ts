import type { Locator, Page } from 'playwright-core';

export interface SourceToAdd {
  url: string;
  name: string;
  /** Typed into the form's access-token field when given. */
  token?: string | undefined;
}

/** Fills in the Sources form and presses "Add and sync", as a person would; returns the new source's card. */
export async function addSource(page: Page, { url, name, token }: SourceToAdd): Promise<Locator> {
  await page.getByLabel('Repository address (https)').fill(url);
  await page.getByLabel(/Display name/).fill(name);
  if (token !== undefined) await page.getByLabel(/Access token/).fill(token);
  await page.getByRole('button', { name: 'Add and sync' }).click();
  return page.locator('.rr-source', { hasText: name });
}
