import './demo-banner.css';

export interface DemoBannerProps {
  readonly onOpenSettings: () => void;
}

/** Says plainly that the orders on screen are made up (the built-in sandbox), not the seller's account. */
export function DemoBanner({ onOpenSettings }: DemoBannerProps) {
  return (
    <section className="demo-banner" aria-label="Demo mode" data-testid="demo-banner">
      <strong className="demo-banner__tag">DEMO</strong>
      <p className="demo-banner__text">
        Demo data — these are made-up orders for trying things out, not your Amazon account. Connect your
        Amazon account in{' '}
        <a
          href="/options.html"
          onClick={(event) => {
            event.preventDefault();
            onOpenSettings();
          }}
        >
          Settings
        </a>{' '}
        to see your own orders.
      </p>
    </section>
  );
}
