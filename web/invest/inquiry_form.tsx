import { type FormEvent, useState } from "react";
import { sendJson } from "../api_client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/zh_cn.ts";

interface Props {
  plotId?: number;
  parkId?: number;
}

type Field =
  | "contactName"
  | "organisation"
  | "email"
  | "phone"
  | "country"
  | "industry"
  | "areaMu"
  | "investmentWan";

const FIELDS: ReadonlyArray<{ name: Field; key: MessageKey; type: string; max: number; required?: boolean }> =
  [
    { name: "contactName", key: "invest.inquiry.name", type: "text", max: 100, required: true },
    { name: "organisation", key: "invest.inquiry.organisation", type: "text", max: 200 },
    { name: "email", key: "invest.inquiry.email", type: "email", max: 254 },
    { name: "phone", key: "invest.inquiry.phone", type: "tel", max: 40 },
    { name: "country", key: "invest.inquiry.country", type: "text", max: 100 },
    { name: "industry", key: "invest.inquiry.industry", type: "text", max: 100 },
    { name: "areaMu", key: "invest.inquiry.areaMu", type: "number", max: 12 },
    { name: "investmentWan", key: "invest.inquiry.investmentWan", type: "number", max: 12 },
  ];

/**
 * The public inquiry form → `POST /api/inquiries`. Sizes mirror the server's zod limits; the server's
 * message (in the UI language) is shown on rejection.
 */
export function InquiryForm({ plotId, parkId }: Props) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<Record<Field | "message", string>>({
    contactName: "",
    organisation: "",
    email: "",
    phone: "",
    country: "",
    industry: "",
    areaMu: "",
    investmentWan: "",
    message: "",
  });
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "sending" } | { kind: "done"; id: number } | { kind: "error"; message: string }
  >({ kind: "idle" });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (values.email.trim() === "" && values.phone.trim() === "") {
      setState({ kind: "error", message: t("invest.inquiry.contactHint") });
      return;
    }
    setState({ kind: "sending" });
    const numOrNull = (s: string) => (s.trim() === "" ? null : Number(s));
    try {
      const res = await sendJson<{ id: number }>(
        "POST",
        "/api/inquiries",
        {
          ...(plotId ? { plotId } : {}),
          ...(parkId ? { parkId } : {}),
          contactName: values.contactName,
          organisation: values.organisation,
          email: values.email,
          phone: values.phone,
          country: values.country,
          industry: values.industry,
          areaMu: numOrNull(values.areaMu),
          investmentWan: numOrNull(values.investmentWan),
          message: values.message,
          lang,
        },
        lang,
      );
      setState({ kind: "done", id: res.id });
    } catch (err) {
      setState({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };

  if (state.kind === "done")
    return (
      <section className="panel invest-inquiry" data-testid="inquiry-success" data-inquiry-id={state.id}>
        <h2 className="panel__title">{t("invest.inquiry.title")}</h2>
        <p role="status">{t("invest.inquiry.success", { id: state.id })}</p>
      </section>
    );

  return (
    <form className="panel invest-inquiry" data-testid="inquiry-form" onSubmit={submit}>
      <h2 className="panel__title">{t("invest.inquiry.title")}</h2>
      <p className="panel__hint">{t("invest.inquiry.intro")}</p>
      <div className="invest-inquiry__grid">
        {FIELDS.map((f) => (
          <label key={f.name}>
            {t(f.key)}
            <input
              name={f.name}
              data-testid={`inquiry-${f.name}`}
              type={f.type}
              {...(f.type === "number" ? { min: 0 } : { maxLength: f.max })}
              required={f.required}
              value={values[f.name]}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <label>
        {t("invest.inquiry.message")}
        <textarea
          name="message"
          data-testid="inquiry-message"
          required
          maxLength={4000}
          rows={4}
          value={values.message}
          onChange={(e) => setValues({ ...values, message: e.target.value })}
        />
      </label>
      <p className="panel__hint">
        {t("invest.inquiry.contactHint")} {t("invest.inquiry.privacy")}
      </p>
      {state.kind === "error" ? (
        <p className="invest-error" role="alert" data-testid="inquiry-error">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        data-testid="inquiry-submit"
        disabled={state.kind === "sending"}
      >
        {state.kind === "sending" ? t("invest.inquiry.sending") : t("invest.inquiry.submit")}
      </button>
    </form>
  );
}
