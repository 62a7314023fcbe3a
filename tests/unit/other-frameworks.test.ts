import { describe, expect, it } from 'vitest';
import { compareOtherCodes, otherFramework, otherTags } from '../../src/lib/other-frameworks.ts';

describe('other frameworks', () => {
  it('labels GRI disclosures and topic management disclosures', () => {
    expect(otherFramework('gri').label('305-1')).toBe('GRI 305-1');
    expect(otherFramework('gri').label('201/3-3')).toBe('GRI 201: 3-3');
    expect(otherFramework('gri').href('305-1')).toBe('https://www.globalreporting.org/search/?query=GRI%20305-1');
  });
  it('orders codes naturally', () => {
    expect(['201/3-3', '2-10', '305-1', '2-1', '201-1'].sort(compareOtherCodes)).toEqual(['2-1', '2-10', '201-1', '201/3-3', '305-1']);
  });
  it('lists the non-HKEX tags of a section, skipping empty lists', () => {
    // hkexDerived (tags derived by the importer) is HKEX, not another framework
    expect(otherTags({ hkex: ['A1'], hkexDerived: ['B1'], gri: ['305-2', '305-1', '305-1'], sdg: [] })).toEqual([
      { framework: otherFramework('gri'), codes: ['305-1', '305-2'] },
    ].map((x) => ({ ...x, framework: expect.objectContaining({ key: 'gri' }) })));
  });
  it('shows an unknown framework by name without a link', () => {
    expect(otherFramework('ungc').label('P7')).toBe('UNGC P7');
    expect(otherFramework('ungc').href('P7')).toBe('');
  });
});
