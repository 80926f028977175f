/** What every view gets from the router. */
export interface ViewContext {
  /** The path parameter (an article or entity id), decoded. */
  readonly param: string;
  readonly query: URLSearchParams;
  /** Where the view draws; shown once the view resolves. */
  readonly main: HTMLElement;
}
