// The modules `preIngestedRunbooksPlugin` makes at build time (see there).
declare module 'virtual:bundled-runbooks' {
  const bundle: import('../../core/sources/preIngestedBundle').PreIngestedBundle;
  export default bundle;
}

declare module 'virtual:bundled-runbooks-version' {
  const version: string;
  export default version;
}
