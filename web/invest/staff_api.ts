import type { InquiryRow } from "../../api/schemas/inquiries.ts";
import { getJson } from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";

/**
 * Types and fetchers of the staff endpoints under /api/staff (docs/api.md): investment officers and
 * planners only (docs/security.md).
 */

/** An inquiry in the staff list (the API's own type). */
export type StaffInquiry = InquiryRow;

export interface CreditPart {
  parkId: number;
  shareRatio: number;
  creditedYuan: number;
  creditedWan: number;
}

export interface StaffReferral {
  id: number;
  projectName: string;
  projectNameEn: string | null;
  fromParkName: string;
  fromParkNameEn: string;
  toParkName: string;
  toParkNameEn: string;
  investmentWan: number;
  fromShareRatio: number;
  creditYear: number;
  referredOn: string;
  credit: { totalYuan: number; from: CreditPart; to: CreditPart };
}

export interface ReferralTotals {
  year: number;
  parks: Array<{
    parkId: number;
    name: string;
    nameEn: string;
    projects: number;
    creditedYuan: number;
    creditedWan: number;
  }>;
  zoneTotalYuan: number;
  zoneTotalWan: number;
  parkCreditSumYuan: number;
  reconciled: boolean;
}

interface SharedTotal {
  totalYuan: number;
  host: { creditedYuan: number; creditedWan: number };
  partner: { creditedYuan: number; creditedWan: number };
}

export interface BenefitSharing {
  year: number;
  enclaves: Array<{
    parkId: number;
    parkName: string;
    parkNameEn: string;
    hostCounty: string;
    hostCountyEn: string;
    partnerParkName: string | null;
    partnerParkNameEn: string | null;
    agreement: { hostShareRatio: number; partnerShareRatio: number } | null;
    tax: SharedTotal | null;
    output: SharedTotal | null;
    reconciled: boolean | null;
  }>;
  totals: {
    taxTotalYuan: number;
    taxHostYuan: number;
    taxPartnerYuan: number;
    outputTotalYuan: number;
    outputHostYuan: number;
    outputPartnerYuan: number;
    reconciled: boolean;
  };
}

export const fetchInquiries = (lang: Lang, signal?: AbortSignal) =>
  getJson<{ total: number; items: StaffInquiry[] }>("/api/staff/inquiries", lang, signal);

export const fetchReferrals = (zone: number, year: number, lang: Lang, signal?: AbortSignal) =>
  getJson<StaffReferral[]>(`/api/staff/referrals?zone=${zone}&year=${year}`, lang, signal);

export const fetchReferralTotals = (zone: number, year: number, lang: Lang, signal?: AbortSignal) =>
  getJson<ReferralTotals>(`/api/staff/referrals/totals?zone=${zone}&year=${year}`, lang, signal);

export const fetchBenefitSharing = (
  zone: number,
  year: number | undefined,
  lang: Lang,
  signal?: AbortSignal,
) =>
  getJson<BenefitSharing>(
    `/api/staff/benefit-sharing?zone=${zone}${year === undefined ? "" : `&year=${year}`}`,
    lang,
    signal,
  );
