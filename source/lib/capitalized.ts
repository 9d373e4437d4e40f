// A phrase that starts a sentence: the words modules write phrases that also go mid-sentence.

/** "dry run (client)" -> "Dry run (client)". */
export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
