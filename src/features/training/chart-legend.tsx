/**
 * Legend text in the page's text colour: recharts paints it in the series colour, which on white
 * is as faint as 1.7:1 for the light raw-loss line. The coloured icon beside it keeps the link.
 */
export const legendText = (value: string) => <span className="chart-legend-text">{value}</span>;
