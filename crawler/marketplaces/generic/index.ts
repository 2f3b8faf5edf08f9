export { titleCleaner, cleanDecoratedTitle } from './title-decorations.ts';
export { productHeading } from './heading.ts';
export { genericSeller } from './seller.ts';
