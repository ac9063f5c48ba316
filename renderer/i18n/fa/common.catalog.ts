// Persian for text shared by several features. Keys are the English text passed to t().
export default {
  Groundwork: 'گراندورک',
} satisfies Record<string, string>;
