/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by a page whose text must be converted to its locale's script after rendering. */
    scriptConversion?: { from: 'zh-Hant' | 'zh-Hans'; to: 'zh-Hant' | 'zh-Hans' };
  }
}
