// The benchmarks' page classifier (scripts/lib/page-types.ts): by URL shape, so pages added later
// (year listings, the issuer directory, paged code and coverage pages) are classified too.
import { describe, expect, it } from 'vitest';
import { pageType } from '../../scripts/lib/page-types.ts';

describe('pageType', () => {
  it.each([
    ['/', 'other'],
    ['/404.html', 'other'],
    ['/data/archive.json', 'other'],
    ['/pagefind/pagefind.js', 'other'],
    ['/en/', 'archive home'],
    ['/tc/index.html', 'archive home'],
    ['/sc/alibaba/', 'issuer page'],
    ['/en/syn-0007-alibaba/', 'issuer page'],
    ['/en/alibaba/data/', 'data page'],
    ['/en/alibaba-health/2018/', 'report home'],
    ['/tc/alibaba/2023-24/', 'report home'],
    ['/en/alibaba-health/2018/p3-c2/', 'section'],
    ['/sc/alibaba/2025/c01-s01/', 'section'],
    ['/en/alibaba-health/2018/hkex-index/', 'HKEX index'],
    ['/en/alibaba-health/2018/data/', 'data page'],
    ['/en/hkex/', 'other'],
    ['/en/hkex/hkex-2015/', 'other'],
    ['/en/hkex/hkex-2015/A1.1/', 'HKEX code'],
    ['/tc/hkex/hkex-2025/D28/2/', 'HKEX code'],
    ['/en/hkex/coverage/', 'coverage'],
    ['/en/hkex/coverage/2024/', 'coverage'],
    ['/sc/hkex/coverage/hkex-2020/3/', 'coverage'],
    ['/en/years/', 'year listing'],
    ['/tc/years/2024/', 'year listing'],
    ['/tc/years/2024/2/', 'year listing'],
    ['/en/issuers/', 'issuer directory'],
    ['/en/issuers/3/', 'issuer directory'],
    ['/en/search/', 'search'],
    ['/fr/alibaba/', 'other'],
    ['/en/alibaba/2018/p3-c2/extra/', 'other'],
  ])('%s → %s', (url, type) => {
    expect(pageType(url)).toBe(type);
  });
});
