/** The look of one demo outlet. Only locally installed font families: no web fonts. */
export interface OutletTheme {
  name: string;
  dark: boolean;
  background: string;
  text: string;
  muted: string;
  accent: string;
  mastheadBackground: string;
  mastheadText: string;
  bodyFont: string;
  headlineFont: string;
  /** Column layout of article + aside. */
  columns: string;
}

/** Five distinct looks; outlet i gets THEMES[i % THEMES.length]. "night" is the dark one. */
export const THEMES: readonly OutletTheme[] = [
  {
    name: 'broadsheet', dark: false, background: '#fbfaf7', text: '#1b1b1b', muted: '#6b6b6b', accent: '#b3121a',
    mastheadBackground: '#ffffff', mastheadText: '#111111',
    bodyFont: 'Georgia, "DejaVu Serif", "Times New Roman", serif', headlineFont: 'Georgia, "DejaVu Serif", serif',
    columns: 'minmax(0, 680px) 280px',
  },
  {
    name: 'night', dark: true, background: '#121417', text: '#e6e6e6', muted: '#9aa0a6', accent: '#4fb3ff',
    mastheadBackground: '#05070a', mastheadText: '#ffffff',
    bodyFont: '"DejaVu Sans", Arial, Helvetica, sans-serif', headlineFont: '"DejaVu Sans", Arial, sans-serif',
    columns: 'minmax(0, 720px) 260px',
  },
  {
    name: 'tabloid', dark: false, background: '#ffffff', text: '#222222', muted: '#777777', accent: '#e4002b',
    mastheadBackground: '#e4002b', mastheadText: '#ffffff',
    bodyFont: 'Arial, Helvetica, "Liberation Sans", sans-serif', headlineFont: 'Impact, "Arial Black", "DejaVu Sans", sans-serif',
    columns: 'minmax(0, 640px) 300px',
  },
  {
    name: 'business', dark: false, background: '#fff1e5', text: '#33302e', muted: '#66605c', accent: '#0d7680',
    mastheadBackground: '#fff1e5', mastheadText: '#33302e',
    bodyFont: '"Times New Roman", "Liberation Serif", "DejaVu Serif", serif', headlineFont: '"Liberation Serif", Georgia, serif',
    columns: 'minmax(0, 700px) 240px',
  },
  {
    name: 'portal', dark: false, background: '#eef1f5', text: '#1d2733', muted: '#5b6775', accent: '#2f5bd3',
    mastheadBackground: '#1d2733', mastheadText: '#f5f7fa',
    bodyFont: 'Verdana, "DejaVu Sans", Tahoma, sans-serif', headlineFont: 'Tahoma, Verdana, "DejaVu Sans", sans-serif',
    columns: 'minmax(0, 660px) 280px',
  },
];

/** The theme of outlet number `index` (0-based). */
export function themeFor(index: number): OutletTheme {
  return THEMES[index % THEMES.length] ?? THEMES[0]!;
}

/** The outlet page's stylesheet for a theme. */
export function outletCss(t: OutletTheme): string {
  return `
*{box-sizing:border-box}
body{margin:0;background:${t.background};color:${t.text};font:18px/1.6 ${t.bodyFont}}
a{color:${t.accent}}
.topbar{font:13px/2 ${t.bodyFont};color:${t.muted};border-bottom:1px solid ${t.dark ? '#2a2e33' : '#ddd'};padding:0 24px;display:flex;gap:16px}
.masthead{background:${t.mastheadBackground};color:${t.mastheadText};padding:18px 24px 0;border-bottom:3px solid ${t.accent}}
.brand{display:block;font:700 40px/1.1 ${t.headlineFont};color:inherit;text-decoration:none;letter-spacing:-.5px}
.masthead nav{display:flex;gap:18px;flex-wrap:wrap;padding:12px 0;font:600 14px/1.4 ${t.bodyFont};text-transform:uppercase}
.masthead nav a{color:inherit;text-decoration:none}
.layout{display:grid;grid-template-columns:${t.columns};gap:40px;max-width:1080px;margin:32px auto;padding:0 24px}
.kicker{color:${t.accent};font:700 13px/1 ${t.bodyFont};text-transform:uppercase;letter-spacing:1px;margin:0 0 8px}
h1{font:700 38px/1.15 ${t.headlineFont};margin:0 0 16px}
.story-body h2{font:700 24px/1.3 ${t.headlineFont};margin:32px 0 8px}
.meta{color:${t.muted};font-size:14px;margin-bottom:24px;border-top:1px solid ${t.dark ? '#2a2e33' : '#ddd'};padding-top:10px}
figure{margin:24px 0}
.photo{height:220px;border-radius:4px;background:linear-gradient(135deg,${t.accent},${t.dark ? '#1f2933' : '#c9d6df'})}
figcaption{font-size:14px;color:${t.muted};margin-top:6px}
.related{font-size:15px;border-top:4px solid ${t.accent};padding-top:8px}
.related h2,.comments h2{font:700 18px/1.3 ${t.headlineFont};margin:0 0 12px}
.related li{margin-bottom:10px}
.ad{margin-top:24px;height:250px;display:grid;place-items:center;color:${t.muted};border:1px dashed ${t.muted};font-size:12px}
.comments{max-width:1080px;margin:0 auto 40px;padding:0 24px}
.comment{border-top:1px solid ${t.dark ? '#2a2e33' : '#ddd'};padding:12px 0;font-size:15px}
.comment b{display:block}
footer{background:${t.dark ? '#05070a' : '#222'};color:#ccc;padding:24px;font-size:13px}
footer a{color:#ccc;margin-right:14px}
@media (max-width: 800px){.layout{grid-template-columns:1fr}}
`;
}
