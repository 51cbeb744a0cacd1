export function Footer() {
  return (
    <footer className="app-footer">
      <div className="width-container">
        <p>Therapy Equity Explorer runs entirely in your browser. Files you load are never sent anywhere.</p>
      </div>
    </footer>
  );
}
