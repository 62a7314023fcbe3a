/**
 * An index with one row per section and a column per framework. The FY2025 seed's 附錄 6 is read in
 * fy2025.test.ts; here an English layout written in the style of a real extraction (tab-separated
 * rows, a chapter row, a wrapped row, a name the report words differently) and the cell readers.
 */
import { describe, expect, it } from 'vitest';
import { cellCodes, readFrameworkIndex } from '../../../scripts/import/framework-index.ts';
import { toLines } from '../../../scripts/import/read-source.ts';

const titles = [
  { code: 'MDR13', titles: ['Governance Structure', '管治架構'] },
  { code: 'D19', titles: ['Governance'] },
  { code: 'D28', titles: ['GHG emissions'] },
];

describe('framework cells', () => {
  it('reads HKEX codes and disclosures named by title', () => expect(cellCodes('hkex', 'Governance Structure, A1, A1.2, B5.4', titles)).toEqual(['A1', 'A1.2', 'B5.4', 'MDR13']));
  it('reads Part D paragraphs after pillar labels, sub-paragraphs naming their paragraph', () => {
    expect(cellCodes('climate', '管治： 19-a-i, 19-b-ii 指標及目標： 28-a, 28-b', titles)).toEqual(['D19', 'D28']);
    expect(cellCodes('climate', 'Metrics and targets: 29-b-i, 41', titles)).toEqual([]); // not paragraphs of the catalogue
  });
  it('reads SASB, GRI and SDG codes', () => {
    expect(cellCodes('sasb', 'CG-EC-130a.1, CG-EC-000.A', titles)).toEqual(['CG-EC-130a.1', 'CG-EC-000.A']);
    expect(cellCodes('gri', '2-6, 305-1,305-2', titles)).toEqual(['2-6', '305-1', '305-2']);
    expect(cellCodes('sdg', 'SDG 7, 12.5, 13', titles)).toEqual(['7', '12.5', '13']);
  });
});

describe('the index read into tags', () => {
  const text = [
    'Sustainability Governance',
    'Our board oversees ESG matters.',
    'Climate Resilience',
    'We assess physical and transition risks.',
    'Employee Wellbeing and Safety',
    'Injury rates fell.',
    'Content Index',
    'Report Section\tHKEX ESG Reporting Code\tGRI\tSASB\tClimate-related Disclosures\tSDGs',
    'Chapter 1 - Governance\t\t\t\t\t',
    'Sustainability Governance\tGovernance Structure\t2-9, 2-12\t\tGovernance: 19-a-i\t16',
    'Climate Resilience\tA1, A4\t201-2\tCG-EC-130a.3\tStrategy: 20-a Metrics and targets: 28-a\t13',
    '\t\t305-1\t\t\t',
    'Employee Wellbeing & Safety\tB2, B2.1\t403-9\t\t\t3, 8',
    'Supplier Engagement\tB5\t308-1\t\t\t',
  ].join('\n');
  const lines = toLines(text);
  const units = [
    { id: 'c01', title: 'Sustainability Governance', from: 0, to: 2 },
    { id: 'c02', title: 'Climate Resilience', from: 2, to: 4 },
    { id: 'c03', title: 'Employee Wellbeing and Safety', from: 4, to: 6 },
    { id: 'a01', title: 'Content Index', from: 6, to: lines.length },
  ];
  const idx = readFrameworkIndex(lines, units, titles)!;
  it('finds the index by its header and names its columns', () => {
    expect(idx.unit).toBe('a01');
    expect(idx.columns).toEqual(['hkex', 'gri', 'sasb', 'climate', 'sdg']);
  });
  it('tags each section named by a row (wrapped rows joined, `&` read as `and`)', () => {
    expect(idx.tags.get('c01')).toEqual({ hkex: ['MDR13', 'D19'], gri: ['2-9', '2-12'], sdg: ['16'] });
    expect(idx.tags.get('c02')).toEqual({ hkex: ['A1', 'A4', 'D28'], gri: ['201-2', '305-1'], sasb: ['CG-EC-130a.3'], sdg: ['13'] });
    expect(idx.tags.get('c03')?.hkex).toEqual(['B2', 'B2.1']);
  });
  it('lists rows that name no section instead of guessing', () => {
    expect(idx.unmatched.map((u) => u.name)).toEqual(['Supplier Engagement']);
    const mapped = readFrameworkIndex(lines, units, titles, { 'Supplier Engagement': 'c03' })!;
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.tags.get('c03')?.hkex).toEqual(['B2', 'B2.1', 'B5']);
  });
  it('is no index without a header naming the HKEX Code and another framework', () => {
    expect(readFrameworkIndex(toLines(text.replace('HKEX ESG Reporting Code', 'Notes')), units, titles)).toBeUndefined();
  });
});
