import './demo-banner.css';

export interface DemoBannerProps {
  readonly onOpenSettings: () => void;
}

/** Says plainly that the orders on screen are sandbox data, not the seller's account. */
export function DemoBanner({ onOpenSettings }: DemoBannerProps) {
  return (
    <section className="demo-banner" aria-label="Demo mode" data-testid="demo-banner">
      <strong className="demo-banner__tag">DEMO</strong>
      <p className="demo-banner__text">
        Demo data — these orders come from the built-in SP-API sandbox, not your Amazon account. Add your
        SP-API credentials in{' '}
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
