/**
 * How Hong Kong writes Chinese characters in people's names (Cantonese, in the style of HK identity
 * cards and government lists): 鄭若驊 is Cheng Yeuk-wah, where any-ascii gives the Mandarin
 * Zheng Ruohua. Data: character → romanisations, the usual one first; traditional and simplified
 * forms are both keys.
 */
export const CANTONESE_READINGS: Readonly<Record<string, readonly string[]>> = {
  陳: ['chan'], 陈: ['chan'], 鄭: ['cheng'], 郑: ['cheng'], 若: ['yeuk'], 驊: ['wah'], 骅: ['wah'], 鄧: ['tang'], 邓: ['tang'], 炳: ['ping'], 強: ['keung'], 强: ['keung'],
  李: ['lee', 'li'], 家: ['ka'], 超: ['chiu'], 林: ['lam'], 月: ['yuet'], 娥: ['ngor'], 曾: ['tsang'], 國: ['kwok'], 国: ['kwok'], 衛: ['wai'], 卫: ['wai'],
  黃: ['wong'], 黄: ['wong'], 之: ['chi'], 鋒: ['fung'], 锋: ['fung'],
};
