/** Shows a crash in the UI as a message with a reload button; the draft is already saved. */
import { Component, type ErrorInfo, type ReactNode } from "react";

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Kindling UI error", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="k-crash" role="alert">
        <h1>Something went wrong in Kindling</h1>
        <p>Your config is saved in this browser. Reloading usually helps; please report this if it happens again.</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="k-btn k-btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
