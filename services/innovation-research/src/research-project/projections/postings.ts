// The postings (words, countries) a document is found by: shared with the other contexts' lists.
export { countryPosting, keysInAll, repost, wordPosting, type PostingDoc } from '@sfp/projections';
