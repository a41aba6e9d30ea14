/**
 * The caseload the Impact tab starts with: the 2,000-case generated sample shipped with the rules (illustrative
 * figures), bundled by Vite as an asset of the editor and fetched by the impact worker when first needed.
 */
import sampleUrl from '../../rules/twents-model/voorbeelden/caseload-2000.jsonl?url';

export const SAMPLE_URL: string = sampleUrl;
export const SAMPLE_NAME = 'voorbeeld: 2.000 gegenereerde Twentse beschikkingen (illustratief)';
