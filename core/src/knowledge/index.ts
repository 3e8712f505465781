// Loss knowledge shared by hover, webview and command palette (docs/ARCHITECTURE.md "Contracts").
export * from './types';
export { catalog, getCatalogEntry, findCatalogEntriesByName } from './catalog';
export { guide } from './guide';
export { quickReference } from './quickReference';
export { curve, curveInfo, curveIds, DEFAULT_CURVE_POINTS, type CurveInfo } from './curve';
export { renderSvg, type RenderSvgOptions, type SvgSeries } from './svg/renderSvg';
export { escapeXml } from './svg/escape';
export { SERIES_PALETTE, INK, contrastRatio } from './svg/palette';
export { curveSvg, curveSvgDataUri, svgDataUri } from './curveSvg';
