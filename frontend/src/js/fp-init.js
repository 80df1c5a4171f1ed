// Starts NHS.UK frontend's components (header menu, skip link, details...). Pages work without it.
import { initAll } from './nhsuk-frontend-10.6.1.min.js'

initAll()
