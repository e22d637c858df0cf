import type { DemoInvest } from "../schemas/demo_invest.ts";
import type { Queryable } from "./db.ts";

/**
 * Loads the investor-portal part of the demo dataset (zone referral defaults, park profiles, land offers,
 * referrals, share agreements, publicly named enterprises), resolving codes to ids. Run inside the seed
 * transaction after zones, parks, plots and enterprises.
 */
export async function insertInvestDemo(tx: Queryable, inv: DemoInvest): Promise<void> {
  await tx.query(
    `UPDATE zones z SET referral_from_share_ratio = x."referralFromShareRatio"
       FROM json_to_recordset($1::json) AS x("zoneCode" text, "referralFromShareRatio" float8)
      WHERE z.code = x."zoneCode"`,
    [JSON.stringify(inv.zoneSettings)],
  );
  await tx.query(
    `UPDATE parks p SET leading_industry_codes = ARRAY(SELECT json_array_elements_text(x."leadingIndustryCodes")),
       nearest_port_name = x."nearestPortName", nearest_port_name_en = x."nearestPortNameEn",
       nearest_port_distance_m = x."nearestPortDistanceM",
       nearest_railway_name = x."nearestRailwayName", nearest_railway_name_en = x."nearestRailwayNameEn",
       nearest_railway_distance_m = x."nearestRailwayDistanceM",
       nearest_highway_name = x."nearestHighwayName", nearest_highway_name_en = x."nearestHighwayNameEn",
       nearest_highway_distance_m = x."nearestHighwayDistanceM"
       FROM json_to_recordset($1::json) AS x("parkCode" text, "leadingIndustryCodes" json, "nearestPortName" text,
         "nearestPortNameEn" text, "nearestPortDistanceM" float8, "nearestRailwayName" text,
         "nearestRailwayNameEn" text, "nearestRailwayDistanceM" float8, "nearestHighwayName" text,
         "nearestHighwayNameEn" text, "nearestHighwayDistanceM" float8)
      WHERE p.code = x."parkCode"`,
    [JSON.stringify(inv.parkProfiles)],
  );
  await tx.query(
    `INSERT INTO land_offers (plot_id, floor_price_per_mu_wan, published_on, servicing, permitted_industry_codes,
       infrastructure_note, infrastructure_note_en, is_demo)
     SELECT pl.id, x."floorPricePerMuWan", x."publishedOn", ARRAY(SELECT json_array_elements_text(x."servicing")),
       ARRAY(SELECT json_array_elements_text(x."permittedIndustryCodes")), x."infrastructureNote",
       x."infrastructureNoteEn", true
       FROM json_to_recordset($1::json) AS x("plotCode" text, "floorPricePerMuWan" float8, "publishedOn" date,
         "servicing" json, "permittedIndustryCodes" json, "infrastructureNote" text, "infrastructureNoteEn" text)
       JOIN plots pl ON pl.code = x."plotCode"`,
    [JSON.stringify(inv.landOffers)],
  );
  await tx.query(
    `INSERT INTO referrals (zone_id, project_name, project_name_en, industry_code, from_park_id, to_park_id,
       investment_wan, from_share_ratio, credit_year, referred_on, note, is_demo)
     SELECT z.id, x."projectName", x."projectNameEn", x."industryCode", pf.id, pt.id, x."investmentWan",
       x."fromShareRatio", x."creditYear", x."referredOn", x."note", true
       FROM json_to_recordset($1::json) AS x("zoneCode" text, "projectName" text, "projectNameEn" text,
         "industryCode" text, "fromParkCode" text, "toParkCode" text, "investmentWan" float8,
         "fromShareRatio" float8, "creditYear" int, "referredOn" date, "note" text)
       JOIN zones z ON z.code = x."zoneCode"
       JOIN parks pf ON pf.code = x."fromParkCode"
       JOIN parks pt ON pt.code = x."toParkCode"`,
    [JSON.stringify(inv.referrals)],
  );
  await tx.query(
    `INSERT INTO share_agreements (enclave_park_id, partner_park_id, host_input_ratio, host_tilt_ratio, valid_from,
       valid_to, source, is_demo)
     SELECT pe.id, pp.id, x."hostInputRatio", x."hostTiltRatio", x."validFrom", x."validTo", x."source", true
       FROM json_to_recordset($1::json) AS x("enclaveParkCode" text, "partnerParkCode" text, "hostInputRatio" float8,
         "hostTiltRatio" float8, "validFrom" date, "validTo" date, "source" text)
       JOIN parks pe ON pe.code = x."enclaveParkCode"
       JOIN parks pp ON pp.code = x."partnerParkCode"`,
    [JSON.stringify(inv.shareAgreements)],
  );
  await tx.query("UPDATE enterprises SET is_name_public = true WHERE credit_code = ANY($1::text[])", [
    inv.publicEnterprises,
  ]);
}
