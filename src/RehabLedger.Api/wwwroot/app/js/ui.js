// The view library every module renders with: preact with hooks and htm's tagged templates, vendored as one file.
export { html, render, useState, useEffect, useRef, useCallback, useMemo } from '../vendor/htm-preact.module.js';
