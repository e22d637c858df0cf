import { Component, type ContextType, type ErrorInfo, type ReactNode } from "react";
import { I18nContext } from "../i18n/i18n.tsx";

interface Props {
  /** Names the panel in the console log. */
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** One per panel: a crash in one panel shows its message there and leaves the rest of the app working. */
export class PanelBoundary extends Component<Props, State> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`panel ${this.props.name} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid={`panel-error-${this.props.name}`}>
        {this.context.t("error.panel", { message: error.message })}
      </div>
    );
  }
}
